/**
 * The other direction of the protocol: messages the background sends to a tab's reader. Kept
 * apart from the request schemas of `messaging.ts`, which only the background validates, so the
 * reader a page evaluates does not build them.
 */
import * as v from 'valibot';

/** Messages the background sends to a tab's reader (the other direction), each validated by the
 * reader before it acts on it. */
export const TAB_MESSAGE_SCHEMAS = {
  /** "Annotate" from the context menu or the keyboard shortcut: open the annotation editor on
   * the frame's current selection. */
  openAnnotator: v.strictObject({ from: v.picklist(['menu', 'shortcut']) }),
  /** "Add as my term" from the context menu: open the personal term form on the frame's current
   * selection. The reader answers with OpenTermFormReply; anything else (no reader, no
   * selection it can use) makes the background open the review page instead. */
  openTermForm: v.strictObject({}),
} as const;

/** The reader's answer to `openTermForm`: whether it opened its form. */
export interface OpenTermFormReply {
  opened: boolean;
}

export type TabMessageType = keyof typeof TAB_MESSAGE_SCHEMAS;

const tabEnvelopeSchema = v.strictObject({
  type: v.picklist(Object.keys(TAB_MESSAGE_SCHEMAS) as [TabMessageType, ...TabMessageType[]]),
  payload: v.unknown(),
});

/** A background-to-tab message as the reader receives it. */
export type TabMessage = {
  [T in TabMessageType]: { type: T; payload: v.InferOutput<(typeof TAB_MESSAGE_SCHEMAS)[T]> };
}[TabMessageType];

/** A background-to-tab message with a known type and a valid payload, or null. */
export function parseTabMessage(raw: unknown): TabMessage | null {
  const envelope = v.safeParse(tabEnvelopeSchema, raw);
  if (!envelope.success) return null;
  const { type, payload } = envelope.output;
  const checked = v.safeParse(TAB_MESSAGE_SCHEMAS[type], payload);
  // The payload was checked against this type's own schema: the pair is a TabMessage (TypeScript
  // cannot follow the correlation through the indexed schema map).
  return checked.success ? ({ type, payload: checked.output } as TabMessage) : null;
}
