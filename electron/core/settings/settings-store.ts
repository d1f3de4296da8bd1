import { settingsSchema, type Settings } from '../../../shared/contract';
import type { Db } from '../vault/database';

export const DEFAULT_SETTINGS: Settings & Required<Pick<Settings, 'handoverAnswerDays' | 'documentsWatermark' | 'documentsFontDir' | 'rectificationReportMonths' | 'backupReminderDays'>> = {
  idleLockMinutes: 10,
  locale: 'zh-CN',
  adminsMayReadClues: false,
  documentsWatermark: false,
  documentsFontDir: '',
  handoverAnswerDays: 30,
  rectificationReportMonths: 2,
  backupReminderDays: 7,
};

/** Office-wide settings as key → JSON rows; unknown or malformed values fall back to defaults. */
export class SettingsStore {
  constructor(private readonly db: Db) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const stored: Record<string, unknown> = {};
    for (const row of rows) {
      try {
        stored[row.key] = JSON.parse(row.value);
      } catch {
        // A damaged value is ignored; the default stands until it is saved again.
      }
    }
    const parsed = settingsSchema.partial().safeParse(stored);
    return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
  }

  update(changes: Partial<Settings>): Settings {
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(value));
    }
    return this.get();
  }
}
