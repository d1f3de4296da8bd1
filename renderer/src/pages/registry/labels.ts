/** Labels and colours the registry, coverage and home pages share. */
import type { Catalogs } from '../../../../shared/contract';
import { inspectionModes, type InspectionMode, type UnitStatus } from '../../../../shared/domain';
import { groupRoles, type GroupRole } from '../../../../shared/domain';
import type { Translate } from '../../i18n';

/** One colour per inspection mode, the same in badges, matrix cells and charts. */
export const modeColors: Record<InspectionMode, string> = {
  routine: 'blue',
  special: 'grape',
  cross: 'teal',
  elevated_cross: 'orange',
  pinpoint: 'pink',
  lookback: 'yellow',
};

export const statusColors: Record<UnitStatus, string> = { active: 'teal', merged: 'orange', abolished: 'gray' };

export function isInspectionMode(value: string | null | undefined): value is InspectionMode {
  return typeof value === 'string' && (inspectionModes as readonly string[]).includes(value);
}

export function isGroupRole(value: string): value is GroupRole {
  return (groupRoles as readonly string[]).includes(value);
}

/** The full Chinese name of a mode (常规巡察), or the raw value for a mode this build does not know. */
export function modeLabel(t: Translate, mode: string): string {
  return isInspectionMode(mode) ? t(`registry.mode.${mode}`) : mode;
}

/** The short name used in matrix cells (常规, 提级). */
export function modeShort(t: Translate, mode: string): string {
  return isInspectionMode(mode) ? t(`registry.modeShort.${mode}`) : mode;
}

/** A unit without a county belongs to the city level (市本级). */
export function regionLabel(t: Translate, name: string | null | undefined): string {
  return name ?? t('registry.region.city');
}

/** Options for a county select: 市本级 first (value "0"), then the catalogue. */
export function regionOptions(t: Translate, catalogs: Catalogs | null) {
  return [
    { value: '0', label: t('registry.region.city') },
    ...(catalogs?.regions ?? []).map((region) => ({ value: String(region.id), label: region.name })),
  ];
}

export function kindOptions(catalogs: Catalogs | null) {
  return (catalogs?.unitKinds ?? []).map((kind) => ({ value: String(kind.id), label: kind.name }));
}

/** 3 of 7 → "42.9%"; whole numbers without decimals ("50%"); nothing due → "—". */
export function percentText(covered: number, total: number): string {
  if (total <= 0) return '—';
  const value = Math.round((covered / total) * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}

export function percentValue(covered: number, total: number): number {
  return total > 0 ? Math.min(100, (covered / total) * 100) : 0;
}
