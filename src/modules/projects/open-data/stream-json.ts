import { Readable } from 'node:stream';

/**
 * A JSON object written as it is read: the `head` fields first, then `key` as an array whose
 * items come batch by batch, each written as soon as its batch arrives. Nothing but the current
 * batch is held in memory. The output is one valid JSON document; it is indented lightly (one
 * item per line) so that a person can read it and a diff of two days' files stays small.
 */
export function streamJsonObject(head: Record<string, unknown>, key: string, batches: AsyncIterable<readonly unknown[]>): Readable {
  return Readable.from(
    (async function* () {
      const opening = JSON.stringify(head);
      const fields = opening.slice(1, -1);
      yield `{${fields}${fields ? ',' : ''}${JSON.stringify(key)}:[`;
      let first = true;
      for await (const batch of batches) {
        if (batch.length === 0) continue;
        yield `${batch.map((item, i) => `${first && i === 0 ? '' : ','}\n${JSON.stringify(item)}`).join('')}`;
        first = false;
      }
      yield '\n]}\n';
    })(),
    { objectMode: false },
  );
}
