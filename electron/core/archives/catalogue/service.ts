/**
 * The printed 归档文件目录 of a volume and its 归档章 labels. Both leave the vault as PDFs, so
 * each is audited like a print (who, which volume, how many rows and pages); the catalogue names
 * the items' titles, the labels only their numbers. Clue material is listed by its place and
 * number alone for those who may not read clues.
 */
import type { ChannelInput, ChannelOutput } from '../../../../shared/contract';
import { change, type CoreContext } from '../../context';
import { documentEngine } from '../../documents/engine-holder';
import { AppError } from '../../errors';
import { archiveAccess } from '../access';
import { catalogueTable } from './catalogue-table';
import { renderStampSheet } from './stamp-labels';
import { listVolumes, volumeItems, type Volume } from './volume';

const volumeName = (volume: Volume) => `${volume.year}-${volume.retention}-${volume.orgCode.toUpperCase()}`;

export function catalogueVolumes(ctx: CoreContext, input: ChannelInput<'archives.catalogueVolumes'>): ChannelOutput<'archives.catalogueVolumes'> {
  return listVolumes(ctx.active().vault.db, input);
}

function volumeOf(input: Volume): Volume {
  return { year: input.year, retention: input.retention, orgCode: input.orgCode.toUpperCase() };
}

export async function printCatalogue(ctx: CoreContext, input: ChannelInput<'archives.catalogue'>): Promise<ChannelOutput<'archives.catalogue'>> {
  const session = ctx.active();
  const volume = volumeOf(input);
  const items = volumeItems(session.vault.db, volume);
  if (items.length === 0) throw new AppError('NOT_FOUND', '该卷没有归档文件');
  const table = catalogueTable(volume, items, archiveAccess(session).mayReadClues);
  const rendered = await documentEngine(ctx).renderTable(table);
  change(ctx, (_session, record) =>
    record({ action: 'archive.printCatalogue', target: { type: 'archiveVolume', id: volumeName(volume) }, detail: { volume: volumeName(volume), rows: items.length, pages: rendered.pages, classification: table.classification } }),
  );
  return { fileName: `归档文件目录-${volumeName(volume)}.pdf`, base64: rendered.pdf.toString('base64'), pages: rendered.pages, rows: items.length };
}

export async function printStampLabels(ctx: CoreContext, input: ChannelInput<'archives.stampLabels'>): Promise<ChannelOutput<'archives.stampLabels'>> {
  const session = ctx.active();
  const volume = volumeOf(input);
  const items = volumeItems(session.vault.db, volume, input.itemNumbers);
  if (items.length === 0) throw new AppError('NOT_FOUND', '没有可打印归档章的归档文件');
  const fontDir = session.settings.get().documentsFontDir ?? '';
  const bundledFontDir = ctx.options.bundledFontDir;
  const sheet = await renderStampSheet(
    items.map((item) => ({ fondsCode: item.fondsCode, year: volume.year, itemNumber: item.itemNumber, orgCode: volume.orgCode, retention: volume.retention, pages: item.pages })),
    { ...(fontDir ? { fontDirs: [fontDir] } : {}), ...(bundledFontDir ? { bundledFontDir } : {}) },
  );
  change(ctx, (_session, record) =>
    record({ action: 'archive.printLabels', target: { type: 'archiveVolume', id: volumeName(volume) }, detail: { volume: volumeName(volume), itemNumbers: items.map((item) => item.itemNumber), pages: sheet.pages } }),
  );
  return { fileName: `归档章-${volumeName(volume)}.pdf`, base64: sheet.pdf.toString('base64'), pages: sheet.pages, rows: items.length };
}
