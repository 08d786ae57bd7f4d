/**
 * A personal term's form fields as typed, into the payload `addPersonalTerm` and
 * `updatePersonalTerm` take. Apart from the tidying of a selection (term-prefill.ts), so the
 * reader's in-page form sends its fields without bundling the matcher's conversion tables.
 */
import type { PersonalTermInput } from './pack';

/** A personal term's form as typed: every field a string (tags and other forms comma-separated). */
export interface TermFields {
  readonly simplified: string;
  readonly traditional?: string;
  readonly pinyin?: string;
  /** Other forms, separated by commas or 、. */
  readonly variants?: string;
  readonly translation: string;
  readonly notes?: string;
  /** Tags, separated by commas (either width), 、 or new lines. */
  readonly tags?: string;
}

/** Splits a list typed in one field; empty items and repeats dropped. */
function splitList(text: string | undefined): string[] {
  return [
    ...new Set(
      (text ?? '')
        .split(/[,，、\n]/)
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The `addPersonalTerm` / `updatePersonalTerm` payload for a form's fields: trimmed, empty
 * optional fields left out. Checking is the background's (PersonalTermInputSchema), which names
 * the field that is wrong.
 */
export function inputFromFields(fields: TermFields): PersonalTermInput {
  const input: PersonalTermInput = {
    simplified: fields.simplified.trim(),
    translation: fields.translation.trim(),
  };
  const traditional = fields.traditional?.trim();
  const pinyin = fields.pinyin?.trim();
  const notes = fields.notes?.trim();
  const variants = splitList(fields.variants);
  const tags = splitList(fields.tags);
  if (traditional) input.traditional = traditional;
  if (pinyin) input.pinyin = pinyin;
  if (variants.length > 0) input.variants = variants;
  if (notes) input.notes = notes;
  if (tags.length > 0) input.tags = tags;
  return input;
}
