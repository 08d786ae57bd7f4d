/**
 * The review page's read access to the database. Extension pages share the background's origin,
 * so they can read IndexedDB directly (and live: Dexie tells every open page of a change); all
 * writes still go through the background's messages, which validate them.
 */
import { TifaDatabase } from '../../utils/db/schema';

let database: TifaDatabase | null = null;

/** The database, opened on first use. */
export function reviewDatabase(): TifaDatabase {
  database ??= new TifaDatabase();
  return database;
}
