/** The prompts and argument rules, in-process with stand-in streams. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { refusePasswordArguments } from './args';
import { CliError, type CliIo } from './io';
import { ask, obtainPassword, promptHidden, PromptAborted, readFirstLine } from './prompt';
import { auditFault, firstFault } from './verify';
import { displayWidth, formatTable } from './output';

function fakeTerminal() {
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    rawModes: [] as boolean[],
    setRawMode(mode: boolean) {
      stdin.rawModes.push(mode);
      return stdin;
    },
  });
  const stderr = new PassThrough();
  let shown = '';
  stderr.on('data', (chunk: Buffer) => (shown += chunk.toString('utf8')));
  const io: CliIo = { stdin, stdout: new PassThrough(), stderr, env: {} };
  return { io, stdin, shown: () => shown };
}

describe('promptHidden', () => {
  it('reads a line in raw mode without echoing it, with backspace, and restores the terminal', async () => {
    const { io, stdin, shown } = fakeTerminal();
    const answer = promptHidden(io, '密码 Password: ');
    stdin.write('巡察abc\u007fd');
    stdin.write('2020\r');
    expect(await answer).toBe('巡察abd2020');
    expect(shown()).toBe('密码 Password: \n');
    expect(stdin.rawModes).toEqual([true, false]);
  });

  it('ignores arrow keys, clears with Ctrl-U, and cancels on Ctrl-C', async () => {
    const { io, stdin } = fakeTerminal();
    const first = promptHidden(io, '> ');
    stdin.write('\u001b[A');
    stdin.write('wrong\u0015right1\n');
    expect(await first).toBe('right1');

    const second = promptHidden(io, '> ');
    stdin.write('abc\u0003');
    const error = await second.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PromptAborted);
    expect((error as CliError).exitCode).toBe(130);
    expect(stdin.rawModes.at(-1)).toBe(false);
  });

  it('echoes nothing after visible questions (no readline handler left behind)', async () => {
    const { io, stdin, shown } = fakeTerminal();
    const tick = () => new Promise((r) => setImmediate(r));
    const first = ask(io, '全宗号 Fonds');
    await tick();
    stdin.write('0123\r');
    expect(await first).toBe('0123');
    const second = ask(io, '级别 Level', 'city');
    await tick();
    stdin.write('\r');
    expect(await second).toBe('city');
    const password = promptHidden(io, '密码 Password: ');
    await tick();
    stdin.write('Secret2020\r');
    expect(await password).toBe('Secret2020');
    expect(shown()).toContain('0123');
    expect(shown()).not.toMatch(/S.?e.?c.?r.?e.?t/);
    expect(stdin.listenerCount('keypress')).toBe(0);
  });

  it('refuses when stdin is not a terminal', async () => {
    const io: CliIo = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env: {} };
    await expect(promptHidden(io, '> ')).rejects.toThrow('标准输入不是终端');
  });
});

describe('obtainPassword', () => {
  it('asks again when the confirmation differs or the password is weak', async () => {
    const { io, stdin, shown } = fakeTerminal();
    const check = (p: string) => (p.length < 8 ? 'too short' : null);
    const password = obtainPassword(io, { fromStdin: false, label: 'New', confirm: true, check });
    const feed = async (line: string) => {
      await new Promise((r) => setImmediate(r));
      stdin.write(`${line}\r`);
    };
    await feed('short1');
    await feed('Longer2020');
    await feed('Longer2021');
    await feed('Longer2020');
    await feed('Longer2020');
    expect(await password).toBe('Longer2020');
    expect(shown()).toContain('too short');
    expect(shown()).toContain('两次输入的密码不一致');
    expect(shown()).not.toContain('Longer2020');
  });

  it('takes only the first line of piped stdin', async () => {
    const stdin = new PassThrough();
    const io: CliIo = { stdin, stdout: new PassThrough(), stderr: new PassThrough(), env: {} };
    const password = obtainPassword(io, { fromStdin: true, label: 'x' });
    stdin.end('口令Pass2020 \r\nsecond line\n');
    expect(await password).toBe('口令Pass2020 ');
  });

  it('readFirstLine accepts a last line without a newline and refuses an empty one', async () => {
    const stdin = new PassThrough();
    const line = readFirstLine(stdin);
    stdin.end('only-line');
    expect(await line).toBe('only-line');

    const empty = new PassThrough();
    const io: CliIo = { stdin: empty, stdout: new PassThrough(), stderr: new PassThrough(), env: {} };
    const refused = obtainPassword(io, { fromStdin: true, label: 'x' });
    empty.end('\n');
    await expect(refused).rejects.toThrow('未从标准输入读到密码');
  });
});

describe('refusePasswordArguments', () => {
  it.each(['--password', '--password=abc', '-p', '--admin-password', '--passwd', '--pwd', '--PASSWORD'])('refuses %s', (arg) => {
    expect(() => refusePasswordArguments(['--vault', 'x', arg])).toThrow(CliError);
  });

  it.each([['--password-stdin'], ['--vault', 'p'], ['--user', 'password'], ['--json'], ['--', '--password']])('allows %s', (...args) => {
    expect(() => refusePasswordArguments(args)).not.toThrow();
  });
});

describe('verify report texts', () => {
  it('names the broken entry in both languages', () => {
    expect(auditFault({ id: 12, reason: 'hash' })).toMatchObject({ zh: '审计日志第 12 条记录被篡改 (hash)', en: 'Audit log entry 12 has been altered (hash)' });
    expect(firstFault({ integrity: ['row 3 missing from index'], audit: { ok: false, checked: 1, firstBroken: { id: 2, reason: 'link' } } })).toMatchObject({
      kind: 'integrity',
    });
    expect(firstFault({ integrity: [], audit: { ok: true, checked: 3, firstBroken: null } })).toBeNull();
  });

  it('lines up columns with Chinese text', () => {
    expect(displayWidth('王建军 admin')).toBe(12);
    const [header, , row] = formatTable(['姓名', 'User'], [['高志远', 'gaozhiyuan']], '');
    const column = (line: string, text: string) => displayWidth(line.slice(0, line.indexOf(text)));
    expect(column(header!, 'User')).toBe(8);
    expect(column(row!, 'gaozhiyuan')).toBe(8);
  });
});
