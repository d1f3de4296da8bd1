import { Mark, Text } from '@mantine/core';
import type { Snippet as SnippetPieces } from '../../../../shared/contract';

/** A search snippet: hits marked, every piece rendered as text (markup in a document stays text). */
export function Snippet({ pieces }: { pieces: SnippetPieces }) {
  return (
    <Text size="sm" data-testid="archive-snippet">
      {pieces.map((piece, i) =>
        piece.hit ? (
          <Mark key={i} color="yellow" data-testid="archive-hit">
            {piece.text}
          </Mark>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </Text>
  );
}
