/**
 * 第八轮's dossier (巡察档案), filed by the administrator as the archivist would: the round's
 * finalised feedback letters, each rendered from its final version and filed under 2020 ·
 * 定期30年 · XCB with its fields as the app offers them. The four lists are left to file by hand
 * (第八轮's problem list runs to hundreds of pages), and the dossier stays open.
 */
import { roundInspections } from './findings';
import type { DemoStep } from './types';

export const archivesStep: DemoStep = {
  id: 'archives',
  title: { zh: '第八轮的巡察档案：归档已定稿的巡察反馈意见（系统管理员）', en: "Round 8's dossier: the finalised feedback letters filed (administrator)" },
  async run(ctx) {
    const { roundId } = await roundInspections(ctx, 8);
    await ctx.core.call('archives.dossierDefaults', { roundId, year: 2020, retention: 'D30', orgCode: 'XCB' });
    const offered = await ctx.core.call('archives.offered', { roundId });
    let filed = 0;
    for (const doc of offered) {
      if (doc.documentId === null || doc.filedItemId !== null) continue;
      await ctx.core.call('archives.fileDocument', { ...doc, documentId: doc.documentId, titleSupplied: false, pages: null, note: '', roundId, clueMaterial: false });
      filed += 1;
    }
    const dossier = await ctx.core.call('archives.dossier', { roundId });
    ctx.summary.push({
      zh: `${dossier.roundLabel}档案：归档 ${filed} 件，尚缺 ${dossier.missing.length} 类应归档材料`,
      en: `${dossier.roundLabel} dossier: ${filed} items filed, ${dossier.missing.length} expected kinds still missing`,
    });
  },
};
