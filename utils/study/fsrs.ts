/**
 * Spaced repetition with FSRS (ts-fsrs): converts between the stored card (numbers for dates)
 * and ts-fsrs's `Card`, and schedules a review. Used by the background when it records a review
 * and by the review page to show what each answer would schedule.
 */
import { fsrs, generatorParameters, type Card } from 'ts-fsrs';
import type { CardState, ReviewLogRecord, ReviewRating, StoredCard } from '../db/schema';

// Fuzz spreads cards that were learnt together over neighbouring days; it is off in ts-fsrs by
// default. Off here too: the same answer on the same day gives the same due date, which readers
// can predict (the button labels show it) and tests can check.
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

/** ts-fsrs's card for a stored one. */
export function toFsrsCard(card: StoredCard): Card {
  return {
    ...card,
    due: new Date(card.due),
    last_review: card.last_review === null ? undefined : new Date(card.last_review),
  };
}

/** The stored form of a ts-fsrs card. */
export function fromFsrsCard(card: Card): StoredCard {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number as CardState,
    last_review: card.last_review ? card.last_review.getTime() : null,
  };
}

/** The card after answering `rating` at `now`, and the review log row (without its key). */
export function scheduleReview(
  card: StoredCard,
  rating: ReviewRating,
  now: number,
): { card: StoredCard; log: Omit<ReviewLogRecord, 'key' | 'id'> } {
  const next = scheduler.next(toFsrsCard(card), new Date(now), rating);
  const log = next.log;
  return {
    card: fromFsrsCard(next.card),
    log: {
      rating,
      state: log.state as number as CardState,
      due: log.due.getTime(),
      stability: log.stability,
      difficulty: log.difficulty,
      elapsed_days: log.elapsed_days,
      last_elapsed_days: log.last_elapsed_days,
      scheduled_days: log.scheduled_days,
      learning_steps: log.learning_steps,
      review: log.review.getTime(),
    },
  };
}

/** When each answer would make the card due next, for the answer buttons. */
export function previewDueDates(card: StoredCard, now: number): Record<ReviewRating, number> {
  const due = (rating: ReviewRating) => scheduleReview(card, rating, now).card.due;
  return { 1: due(1), 2: due(2), 3: due(3), 4: due(4) };
}

/** "10 min", "3 h", "4 d", "2 mo": how far `due` is from `now`, for button labels. */
export function formatInterval(due: number, now: number): string {
  const minutes = Math.max(0, Math.round((due - now) / 60_000));
  if (minutes < 60) return `${Math.max(1, minutes)} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  if (days < 31) return `${days} d`;
  const months = Math.round(days / 30);
  return months < 12 ? `${months} mo` : `${(days / 365).toFixed(1)} y`;
}

/** Labels of the four answers, by rating; the keys 1–4 answer them on the flashcards. */
export const RATING_LABELS: Record<ReviewRating, string> = {
  1: 'Again',
  2: 'Hard',
  3: 'Good',
  4: 'Easy',
};
