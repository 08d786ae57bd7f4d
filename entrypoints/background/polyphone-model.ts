/**
 * The polyphone model, read from the extension's own packaged file on first request, parsed and
 * checked in full here, and kept for the life of the worker as plain data for pages
 * (`transferablePolyphoneModel`): a page then receives it already decoded by the messaging layer
 * and parses only the weights of the characters it meets. A stopped worker costs one fetch and
 * parse on the next request; a malformed model fails here, loudly, not on a page.
 */
import { browser } from 'wxt/browser';
import { loadOnce } from '../../utils/load-once';
import {
  fetchPolyphoneModelText,
  POLYPHONE_MODEL_URL_PATH,
} from '../../utils/zh/polyphones/load-fetch';
import {
  transferablePolyphoneModel,
  type PolyphoneModelTransfer,
} from '../../utils/zh/polyphones/model-format';

/** The packaged model (`public/polyphones/model.u8`), laid out for a message. */
export const loadPolyphoneModelTransfer = loadOnce(async (): Promise<PolyphoneModelTransfer> =>
  transferablePolyphoneModel(
    await fetchPolyphoneModelText(browser.runtime.getURL(POLYPHONE_MODEL_URL_PATH)),
  ),
);
