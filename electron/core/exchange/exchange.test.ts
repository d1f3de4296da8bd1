import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExchangeDiff } from '../../../shared/contract';
import { signInAs } from '../testing/findings-fixture';
import { countyAndCity, officeVault, trust, type Office } from './exchange-fixture';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const remove of cleanup) remove();
  cleanup = [];
});

async function setUp() {
  const pair = await countyAndCity();
  cleanup.push(pair.remove);
  return pair;
}

const byKind = (diff: ExchangeDiff[]) => Object.fromEntries(diff.map((d) => [d.kind, [d.new, d.changed, d.unchanged]]));

async function preview(city: Office, path: string) {
  city.answer(path);
  return city.app.call('exchange.preview', { reuseChosenFile: false });
}

async function refusal(city: Office, path: string) {
  city.answer(path);
  return (await city.app.fail('exchange.preview', { reuseChosenFile: false })).code;
}

describe('exchange packages between a county and the city', () => {
  it('imports a county round at the city with its provenance, and a second import changes nothing', async () => {
    const { county, city, cityFingerprint, exportTo } = await setUp();
    const sent = await exportTo('round8.xpkg');
    expect(sent.result.sequence).toBe(1);
    expect(sent.result.recipient).toBe('呼和浩特市委巡察办');
    // Nothing confidential in the clear: the round's words are not readable in the file.
    expect(sent.bytes.includes(Buffer.from('违规发放津贴补贴'))).toBe(false);

    const shown = await preview(city, sent.path);
    expect(shown!.sender.name).toBe('土默特左旗委巡察办');
    expect(shown!.roundLabel).toBe('十二届市委第八轮巡察');
    expect(shown!.alreadyImported).toBe(false);
    expect(shown!.includesClues).toBe(false);
    expect(byKind(shown!.diff)).toEqual({ round: [1, 0, 0], unit: [2, 0, 0], inspection: [2, 0, 0], problem: [3, 0, 0], rectification: [2, 0, 0], document: [0, 0, 0], clue: [0, 0, 0], file: [0, 0, 0] });
    // The dry run wrote nothing.
    expect(await city.app.call('rounds.list', {})).toHaveLength(0);

    const imported = await city.app.call('exchange.import', { packageId: shown!.packageId, confirm: true });
    const rounds = await city.app.call('rounds.list', {});
    expect(rounds.map((r) => [r.label, r.inspectionCount])).toEqual([['十二届市委第八轮巡察', 2]]);
    expect(imported.roundId).toBe(rounds[0]!.id);
    const problems = await city.app.call('problems.list', { roundId: imported.roundId });
    expect(problems.items.map((p) => p.description).sort()).toEqual(['“三会一课”制度落实不到位', '上轮巡察反馈问题整改不彻底', '违规发放津贴补贴']);
    const units = await city.app.call('units.list', {});
    expect(units.items.map((u) => u.name).sort()).toEqual(['市审计局', '金河镇']);
    expect(units.items.every((u) => u.note.includes('来自土默特左旗委巡察办'))).toBe(true);
    expect(await city.app.call('exchange.roundOrigin', { roundId: imported.roundId })).toEqual({ senderName: '土默特左旗委巡察办', importedAt: imported.importedAt });

    // The same file again: "already imported", nothing changes, no error.
    const again = await preview(city, sent.path);
    expect(again!.alreadyImported).toBe(true);
    expect(byKind(again!.diff).problem).toEqual([0, 0, 3]);
    const auditBefore = (await city.app.call('audit.list', { page: 1, pageSize: 10 })).total;
    const second = await city.app.call('exchange.import', { packageId: again!.packageId, confirm: true });
    expect(second.alreadyImported).toBe(true);
    expect((await city.app.call('rounds.list', {})).length).toBe(1);
    expect((await city.app.call('problems.list', { roundId: imported.roundId })).items).toHaveLength(3);
    expect(await city.app.call('exchange.log', {})).toHaveLength(1);
    expect((await city.app.call('audit.list', { page: 1, pageSize: 10 })).total).toBe(auditBefore);

    // A newer package of the same round: what changed is updated and shown as changed.
    await county.app.call('problems.update', { ...(await county.app.call('problems.get', { id: (await county.app.call('problems.list', {})).items.find((p) => p.description === '违规发放津贴补贴')!.id })), description: '违规发放津贴补贴12.6万元', checklistItemIds: [] });
    const newer = await exportTo('round8-v2.xpkg');
    expect(newer.result.sequence).toBe(2);
    const diff2 = await preview(city, newer.path);
    expect(byKind(diff2!.diff)).toEqual({ round: [0, 0, 1], unit: [0, 0, 2], inspection: [0, 0, 2], problem: [0, 1, 2], rectification: [0, 0, 2], document: [0, 0, 0], clue: [0, 0, 0], file: [0, 0, 0] });
    await city.app.call('exchange.import', { packageId: diff2!.packageId, confirm: true });
    const after = await city.app.call('problems.list', { roundId: imported.roundId });
    expect(after.items.map((p) => p.description)).toContain('违规发放津贴补贴12.6万元');
    expect(after.items).toHaveLength(3);
    expect((await city.app.call('exchange.log', {})).map((e) => e.sequence)).toEqual([2, 1]);
    expect(cityFingerprint).toMatch(/^[0-9A-F]{64}$/);
  });

  it('refuses a package with any byte flipped (header, body, signature) or cut short, and one without its signature', async () => {
    const { city, exportTo } = await setUp();
    const { bytes } = await exportTo('p.xpkg');
    const path = join(city.dir, 'changed.xpkg');
    const positions = new Set<number>();
    for (let i = 0; i < 120; i++) positions.add(i);
    for (let i = 120; i < bytes.length; i += Math.max(1, Math.floor(bytes.length / 150))) positions.add(i);
    for (let i = bytes.length - 70; i < bytes.length; i++) positions.add(i);
    const codes = new Map<string, number>();
    for (const at of positions) {
      const changed = Buffer.from(bytes);
      changed[at] = changed[at]! ^ 0x01;
      writeFileSync(path, changed);
      const code = await refusal(city, path);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    expect([...codes.keys()].every((code) => code.startsWith('EXCHANGE_'))).toBe(true);
    expect(codes.get('EXCHANGE_TAMPERED')).toBeGreaterThan(positions.size / 2);

    for (const length of [0, 5, 20, 200, bytes.length - 65, bytes.length - 1]) {
      writeFileSync(path, bytes.subarray(0, length));
      expect(await refusal(city, path)).toMatch(/^EXCHANGE_(NOT_A_PACKAGE|TRUNCATED|UNSIGNED|TAMPERED)$/);
    }
    writeFileSync(path, bytes.subarray(0, bytes.length - 66));
    expect(await refusal(city, path)).toBe('EXCHANGE_UNSIGNED');
    writeFileSync(path, Buffer.from('PK\u0003\u0004 not a package at all'));
    expect(await refusal(city, path)).toBe('EXCHANGE_NOT_A_PACKAGE');
    const otherVersion = Buffer.from(bytes);
    otherVersion.writeUInt16BE(9, 8);
    writeFileSync(path, otherVersion);
    expect(await refusal(city, path)).toBe('EXCHANGE_WRONG_VERSION');

    // Nothing was imported, and every refusal is in the audit log.
    expect(await city.app.call('rounds.list', {})).toHaveLength(0);
    const audit = await city.app.call('audit.list', { page: 1, pageSize: 10, action: 'exchange.import', outcome: 'failed' });
    expect(audit.total).toBeGreaterThanOrEqual(positions.size);
  });

  it('refuses foreign senders, packages for another office, revoked senders and replays of older packages', async () => {
    const { county, city, exportTo } = await setUp();
    const stranger = await officeVault({ name: '武川县委巡察办', fondsCode: '0209', level: 'county' });
    cleanup.push(() => stranger.app.close());
    await trust(stranger, city);
    await trust(county, stranger);
    await stranger.app.call('terms.create', { name: '十四届县委', startsOn: '2021-10-01', endsOn: null });
    const terms = await stranger.app.call('terms.list', {});
    const round = await stranger.app.call('rounds.create', { termId: terms[0]!.id, number: 1, year: 2022 });
    const foreign = join(stranger.dir, 'foreign.xpkg');
    stranger.answer(foreign);
    const cityCard = await city.app.call('exchange.card', {});
    await stranger.app.call('exchange.export', { roundId: round.id, to: { cardText: cityCard.cardText }, includeClues: false });
    expect(await refusal(city, foreign)).toBe('EXCHANGE_UNTRUSTED_SENDER');

    const strangerCard = await stranger.app.call('exchange.card', {});
    const elsewhere = join(county.dir, 'elsewhere.xpkg');
    county.answer(elsewhere);
    await county.app.call('exchange.export', { roundId: (await county.app.call('rounds.list', {}))[0]!.id, to: { fingerprint: strangerCard.fingerprint }, includeClues: false });
    expect(await refusal(city, elsewhere)).toBe('EXCHANGE_WRONG_RECIPIENT');

    const older = await exportTo('older.xpkg');
    const newer = await exportTo('newer.xpkg');
    const shown = await preview(city, newer.path);
    await city.app.call('exchange.import', { packageId: shown!.packageId, confirm: true });
    expect(await refusal(city, older.path)).toBe('EXCHANGE_REPLAYED');
    // The newer one itself is still "already imported", not a replay.
    expect((await preview(city, newer.path))!.alreadyImported).toBe(true);

    const countyEntry = (await city.app.call('exchange.trusted', {})).find((o) => o.name === '土默特左旗委巡察办')!;
    await city.app.call('exchange.revoke', { id: countyEntry.id });
    const latest = await exportTo('latest.xpkg');
    expect(await refusal(city, latest.path)).toBe('EXCHANGE_UNTRUSTED_SENDER');
  });

  it('registers a card only with the matching fingerprint, and never its own', async () => {
    const { county, city } = await setUp();
    const card = await county.app.call('exchange.card', {});
    const wrong = `${card.fingerprint.slice(0, 63)}${card.fingerprint.endsWith('0') ? '1' : '0'}`;
    expect((await city.app.fail('exchange.trust', { cardText: card.cardText, confirmFingerprint: wrong })).code).toBe('EXCHANGE_FINGERPRINT_MISMATCH');
    const own = await city.app.call('exchange.card', {});
    expect((await city.app.fail('exchange.trust', { cardText: own.cardText, confirmFingerprint: own.fingerprint })).code).toBe('EXCHANGE_OWN_CARD');
    expect((await city.app.fail('exchange.readCard', { cardText: 'hello' })).code).toBe('EXCHANGE_CARD_INVALID');
    expect((await city.app.call('exchange.readCard', { cardText: card.cardText }))!.fingerprint).toBe(card.fingerprint);
    // A card edited in transit (another key under the same name) has another fingerprint.
    const edited = card.cardText.replace(/\n([A-Za-z0-9+/]{10})/, (_m, head: string) => `\n${head.slice(0, 9)}${head[9] === 'A' ? 'B' : 'A'}`);
    const parsed = await city.app.fail('exchange.trust', { cardText: edited, confirmFingerprint: card.fingerprint });
    expect(['EXCHANGE_FINGERPRINT_MISMATCH', 'EXCHANGE_CARD_INVALID']).toContain(parsed.code);
  });

  it('carries clues only when included by a clue reader, and imports them only for one', async () => {
    const { county, city, data, exportTo } = await setUp();
    await signInAs(county.app, 'clueOfficer');
    const clue = await county.app.call('clues.create', { roundId: data.round.id, inspectionId: data.auditInspection.id, summary: '反映某局长违规收受礼金', source: '信访', receivedOn: '2020-09-01', persons: [] });
    const letter = Buffer.from('举报信扫描件（测试）', 'utf8');
    await county.app.call('clues.attachFile', { clueId: clue.id, fileName: '举报信.txt', mime: 'text/plain', base64: letter.toString('base64') });
    await county.app.call('session.signOut', {});
    await county.app.signInAdmin();

    const plain = await exportTo('plain.xpkg');
    expect(plain.result.counts.find((c) => c.kind === 'clue')!.count).toBe(0);
    county.answer(join(county.dir, 'x.xpkg'));
    expect((await county.app.fail('exchange.export', { roundId: data.round.id, to: { fingerprint: (await city.app.call('exchange.card', {})).fingerprint }, includeClues: true })).code).toBe('EXCHANGE_CLUES_DENIED');

    await signInAs(county.app, 'clueOfficer');
    const withClues = await exportTo('clues.xpkg', { includeClues: true });
    expect(withClues.result.counts.find((c) => c.kind === 'clue')!.count).toBe(1);
    expect(await refusal(city, withClues.path)).toBe('EXCHANGE_CLUES_DENIED');
    await city.app.call('settings.update', { adminsMayReadClues: true });
    const shown = await preview(city, withClues.path);
    expect(byKind(shown!.diff).clue).toEqual([1, 0, 0]);
    const imported = await city.app.call('exchange.import', { packageId: shown!.packageId, confirm: true });
    const clues = await city.app.call('clues.list', { roundId: imported.roundId });
    expect(clues.items.map((c) => c.summary)).toEqual(['反映某局长违规收受礼金']);
    // The clue material came along with the clue, and only then.
    expect(plain.result.counts.find((c) => c.kind === 'file')!.count).toBe(0);
    const cityClue = await city.app.call('clues.get', { id: clues.items[0]!.id });
    expect(cityClue.files.map((f) => f.fileName)).toEqual(['举报信.txt']);
    const opened = await city.app.call('clues.viewFile', { clueId: cityClue.id, fileId: cityClue.files[0]!.id });
    expect(Buffer.from(opened.base64, 'base64')).toEqual(letter);
  });
  it('carries final documents but not drafts, and links units the registry already has instead of adding them again', async () => {
    const { county, city, data, exportTo } = await setUp();
    const letter = await county.app.call('documents.create', { kind: 'feedbackLetter', inspectionId: data.auditInspection.id });
    await county.app.call('documents.finalise', { id: letter.id, version: letter.version });
    await county.app.call('documents.create', { kind: 'feedbackLetter', inspectionId: data.townInspection.id });
    const catalogs = await city.app.call('catalogs.get', {});
    const cityAudit = await city.app.call('units.create', { name: '市审计局', kindId: catalogs.unitKinds.find((k) => k.name === '市直部门')!.id, regionId: null, partyOrgType: '党组' });

    const sent = await exportTo('docs.xpkg');
    expect(sent.result.counts.find((c) => c.kind === 'document')!.count).toBe(1);
    const shown = await preview(city, sent.path);
    expect(byKind(shown!.diff).unit).toEqual([1, 0, 1]);
    expect(byKind(shown!.diff).document).toEqual([1, 0, 0]);
    const imported = await city.app.call('exchange.import', { packageId: shown!.packageId, confirm: true });

    const units = await city.app.call('units.list', {});
    expect(units.items.filter((u) => u.name === '市审计局').map((u) => u.id)).toEqual([cityAudit.id]);
    const inspections = await city.app.call('inspections.list', { roundId: imported.roundId });
    expect(inspections.find((i) => i.unitName === '市审计局')!.unitId).toBe(cityAudit.id);
    const documents = await city.app.call('documents.list', { roundId: imported.roundId });
    expect(documents.items.map((d) => [d.kind, d.status, d.title])).toEqual([['feedbackLetter', 'final', letter.title]]);
    const copy = await city.app.call('documents.get', { id: documents.items[0]!.id });
    expect(copy.content).toEqual(letter.content);
  });
  it('carries rectification evidence files, stored again under the city vault’s keys, once', async () => {
    const { county, city, data, exportTo } = await setUp();
    const ledger = await county.app.call('rectification.ledger', { inspectionId: data.auditInspection.id });
    const item = ledger.items[0]!;
    const scan = Buffer.from('%PDF-1.4\n整改佐证：清退津贴的银行回单\n%%EOF\n', 'utf8');
    await county.app.call('rectification.attachEvidence', { itemId: item.id, fileName: '清退回单.pdf', mime: 'application/pdf', base64: scan.toString('base64') });

    const sent = await exportTo('evidence.xpkg');
    expect(sent.result.counts.find((c) => c.kind === 'file')!.count).toBe(1);
    expect(sent.bytes.includes(Buffer.from('清退津贴的银行回单'))).toBe(false);
    const shown = await preview(city, sent.path);
    expect(byKind(shown!.diff).file).toEqual([1, 0, 0]);
    const imported = await city.app.call('exchange.import', { packageId: shown!.packageId, confirm: true });

    const inspections = await city.app.call('inspections.list', { roundId: imported.roundId });
    const cityInspection = inspections.find((i) => i.unitName === '市审计局')!;
    const cityLedger = await city.app.call('rectification.ledger', { inspectionId: cityInspection.id });
    const withFile = await Promise.all(cityLedger.items.map((i) => city.app.call('rectification.get', { id: i.id })));
    const carrying = withFile.filter((d) => d.files.length > 0);
    expect(carrying.map((d) => d.files.map((f) => f.fileName))).toEqual([['清退回单.pdf']]);
    const opened = await city.app.call('rectification.viewEvidence', { itemId: carrying[0]!.id, fileId: carrying[0]!.files[0]!.id });
    expect(Buffer.from(opened.base64, 'base64')).toEqual(scan);

    // A newer package of the round: the file is already here, so nothing is stored twice.
    const again = await exportTo('evidence-2.xpkg');
    const second = await preview(city, again.path);
    expect(byKind(second!.diff).file).toEqual([0, 0, 1]);
    await city.app.call('exchange.import', { packageId: second!.packageId, confirm: true });
    const after = await city.app.call('rectification.get', { id: carrying[0]!.id });
    expect(after.files).toHaveLength(1);
  });
});
