import { describe, expect, it } from 'vitest';
import { chineseNumber as engineChineseNumber, HeadingCounter } from '../../../../electron/core/documents/engine/numbering';
import { blockNumbers, chineseNumber } from './numbering';
import { moveBlock, newBlock, problemsOf, toContent, toDraft } from './draft';
import { sampleLetter } from '../../../../electron/core/documents/engine/sample-letter';

describe('heading numbers in the editor', () => {
  it('match the engine for every number it can print', () => {
    for (let n = 0; n <= 9999; n++) expect(chineseNumber(n)).toBe(engineChineseNumber(n));
  });

  it('number a body the way the engine prints it, restarting the levels below a heading', () => {
    const levels = [1, 2, 2, 3, 4, 4, 3, 1, 3, 2, 1] as const;
    const blocks = levels.flatMap((level) => [newBlock('heading', level, 'x'), newBlock('paragraph', 1, 'p')]);
    const counter = new HeadingCounter();
    const expected = levels.flatMap((level) => [counter.next(level), '']);
    expect(blockNumbers(blocks)).toEqual(expected);
    expect(blockNumbers(blocks).filter(Boolean)).toEqual(['一、', '（一）', '（二）', '1.', '（1）', '（2）', '2.', '二、', '1.', '（一）', '三、']);
  });
});

describe('the letter draft', () => {
  it('round-trips the shared model and reports empty blocks by position', () => {
    const content = sampleLetter;
    const draft = toDraft(content);
    expect(toContent(draft)).toEqual(content);
    draft.blocks.splice(1, 0, newBlock('paragraph'));
    expect(problemsOf(draft)).toEqual([{ kind: 'emptyBlock', position: 2 }]);
    // The preview skips the empty block rather than failing on it.
    expect(toContent(draft).body).toEqual(content.body);
  });

  it('moves a block one place and leaves the ends alone', () => {
    const blocks = [newBlock('heading', 1, 'a'), newBlock('paragraph', 1, 'b'), newBlock('list', 1, 'c')];
    expect(moveBlock(blocks, 1, -1).map((b) => b.text)).toEqual(['b', 'a', 'c']);
    expect(moveBlock(blocks, 2, 1)).toBe(blocks);
    expect(moveBlock(blocks, 0, -1)).toBe(blocks);
  });
});
