import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FilePort } from '../files/file-port';
import { signedInApp, tempDir } from '../testing/harness';
import { buildFindings, signInAs } from '../testing/findings-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** Stands in for the OS dialogs: answers with the paths the test prepared. */
function preparedDialogs(answers: { open?: string | null; save?: string | null }): FilePort {
  return {
    chooseFileToOpen: async () => answers.open ?? null,
    chooseFileToSave: async () => answers.save ?? null,
  };
}

describe('clue files from and to disk', () => {
  it('streams a chosen file in, and saves a verified copy where the user chooses, audited', async () => {
    const outside = tempDir();
    const source = join(outside, '扫描件.pdf');
    const data = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(12 * 1024 * 1024)]);
    writeFileSync(source, data);
    const target = join(outside, '副本.pdf');
    const answers: { open?: string | null; save?: string | null } = { open: source, save: target };
    const env = await signedInApp({ files: preparedDialogs(answers) });
    cleanups.push(env.remove);
    const { app } = env;
    const { round } = await buildFindings(app);
    await signInAs(app, 'clueOfficer');
    const clue = await app.call('clues.create', { roundId: round.id, summary: '反映某局长违规问题', source: '信访举报', receivedOn: '2020-04-20' });
    const attached = await app.call('clues.attachFromDisk', { clueId: clue.id });
    expect(attached.files[0]).toMatchObject({ fileName: '扫描件.pdf', mime: 'application/pdf', size: data.length, sha256: createHash('sha256').update(data).digest('hex') });

    expect(await app.call('clues.saveFileCopy', { clueId: clue.id, fileId: attached.files[0]!.id })).toEqual({ saved: true });
    expect(readFileSync(target).equals(data)).toBe(true);
    answers.save = null;
    expect(await app.call('clues.saveFileCopy', { clueId: clue.id, fileId: attached.files[0]!.id })).toEqual({ saved: false });
    answers.open = null;
    expect((await app.fail('clues.attachFromDisk', { clueId: clue.id })).code).toBe('CANCELLED');
    answers.open = join(outside, 'tool.exe');
    writeFileSync(answers.open, 'MZ');
    expect((await app.fail('clues.attachFromDisk', { clueId: clue.id })).code).toBe('INVALID_INPUT');

    await app.call('session.signOut', {});
    await app.signInAdmin();
    const saved = await app.call('audit.list', { page: 1, pageSize: 10, action: 'clue.saveFileCopy' });
    expect(saved.total).toBe(1);
    expect(saved.items[0]!.detail).toMatchObject({ clueCode: clue.code, savedToFolder: outside });
  });

  it('without OS dialogs (the browser fallback) says so', async () => {
    const env = await signedInApp();
    cleanups.push(env.remove);
    const { round } = await buildFindings(env.app);
    await signInAs(env.app, 'clueOfficer');
    const clue = await env.app.call('clues.create', { roundId: round.id, summary: '线索', source: '信访举报', receivedOn: '2020-04-20' });
    const error = await env.app.fail('clues.attachFromDisk', { clueId: clue.id });
    expect(error.code).toBe('DIALOG_UNAVAILABLE');
    expect(error.message).toContain('桌面版');
  });
});
