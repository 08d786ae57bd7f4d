import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { ReviewRating, VocabularyRecord } from '../../utils/db/schema';
import { formatCedictPinyin } from '../../utils/dict/format-pinyin';
import { sendToBackground } from '../../utils/send-message';
import { formatInterval, previewDueDates, RATING_LABELS } from '../../utils/study/fsrs';
import { reviewDatabase } from './review-database';
import { StatusLine } from './StatusLine';
import { useAction } from './use-action';

/** Cards falling due while the page is open (an "Again" comes back in minutes) join the queue
 * at the next tick. */
const QUEUE_TICK_MS = 30_000;

const RATINGS: ReviewRating[] = [1, 2, 3, 4];

/**
 * Flashcards over the due words (FSRS): the word (or its sentence with the word blanked) on the
 * front; pinyin, definition and sentence on the back. Space turns the card, 1–4 answer.
 */
export function Flashcards() {
  const [now, setNow] = useState(() => Date.now());
  const [flipped, setFlipped] = useState(false);
  const [cloze, setCloze] = useState(() => localStorage.getItem('tifa:cloze') === '1');
  const [status, run] = useAction();
  const [pending, setPending] = useState(false);
  const queue = useLiveQuery(
    () =>
      reviewDatabase()
        .vocabulary.where('card.due')
        .belowOrEqual(now)
        .filter((row) => row.status !== 'known')
        .toArray(),
    [now],
  );
  const card = queue?.[0];

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), QUEUE_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const answer = async (rating: ReviewRating) => {
    if (!card || pending) return;
    setPending(true);
    const ok = await run('Saving the answer…', async () => {
      const result = await sendToBackground('reviewCard', { key: card.key, rating });
      return `${card.word}: next review in ${formatInterval(result.due, Date.now())}.`;
    });
    setPending(false);
    if (ok) {
      setFlipped(false);
      setNow(Date.now());
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (event.key === ' ' && card) {
        event.preventDefault();
        setFlipped((f) => !f);
      } else if (flipped && /^[1-4]$/.test(event.key)) {
        event.preventDefault();
        void answer(Number(event.key) as ReviewRating);
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  if (queue === undefined) return <p className="loading">Loading the cards…</p>;
  return (
    <section className="flashcards" aria-label="Flashcards">
      <div className="cards-toolbar">
        <p className="count">
          {queue.length === 0 ? 'No cards due. Well done.' : `${queue.length} due`}
        </p>
        <label className="inline">
          <input
            type="checkbox"
            checked={cloze}
            onChange={(e) => {
              setCloze(e.target.checked);
              localStorage.setItem('tifa:cloze', e.target.checked ? '1' : '0');
            }}
          />
          Front: the sentence with the word blanked
        </label>
      </div>
      {card && (
        <Card
          card={card}
          now={now}
          flipped={flipped}
          cloze={cloze}
          onFlip={() => setFlipped(!flipped)}
          onAnswer={(rating) => void answer(rating)}
          disabled={pending}
        />
      )}
      <StatusLine status={status} />
      <p className="hint">Keys: Space turns the card; 1 Again, 2 Hard, 3 Good, 4 Easy.</p>
    </section>
  );
}

interface CardProps {
  card: VocabularyRecord;
  /** The queue's clock: answer intervals are shown from it. */
  now: number;
  flipped: boolean;
  cloze: boolean;
  disabled: boolean;
  onFlip: () => void;
  onAnswer: (rating: ReviewRating) => void;
}

function Card({ card, now, flipped, cloze, disabled, onFlip, onAnswer }: CardProps) {
  const sentence = card.contexts[0]?.sentence ?? '';
  const useCloze = cloze && sentence.includes(card.word);
  const due = previewDueDates(card.card, now);
  return (
    <article className="card" aria-live="polite" data-card={card.key}>
      <div className="card-front" lang="zh-CN">
        {useCloze ? (
          <p className="cloze">
            {sentence.split(card.word).join('＿'.repeat([...card.word].length))}
          </p>
        ) : (
          <p className="card-word">{card.word}</p>
        )}
      </div>
      {flipped ? (
        <div className="card-back">
          {useCloze && (
            <p className="card-word" lang="zh-CN">
              {card.word}
            </p>
          )}
          <p className="card-pinyin">{formatCedictPinyin(card.pinyin)}</p>
          <p className="card-definition">{card.definition}</p>
          {sentence && !useCloze && (
            <p className="card-sentence" lang="zh-CN">
              {sentence}
            </p>
          )}
          <div className="answers" role="group" aria-label="How well did you know it?">
            {RATINGS.map((rating) => (
              <button
                key={rating}
                type="button"
                disabled={disabled}
                className={`answer answer-${rating}`}
                onClick={() => onAnswer(rating)}
              >
                <kbd>{rating}</kbd> {RATING_LABELS[rating]}
                <span className="interval">{formatInterval(due[rating], now)}</span>
              </button>
            ))}
          </div>
        </div>
      ) : (
        <button type="button" className="flip" onClick={onFlip}>
          Show answer <kbd>Space</kbd>
        </button>
      )}
    </article>
  );
}
