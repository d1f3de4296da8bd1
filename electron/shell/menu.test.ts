import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from './menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}
const roles = (items: MenuItemConstructorOptions[]) => flatten(items).map((i) => i.role).filter(Boolean);

describe('application menu', () => {
  it('has 文件 / 编辑 / 视图 / 帮助 on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const template = buildMenuTemplate({ isPackaged: true, platform, onAbout: () => {} });
      expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
      expect(roles([template[0]!])).toEqual(['quit']);
      expect(flatten([template[0]!]).find((i) => i.role === 'quit')?.label).toBe('退出');
    }
  });

  it('offers the edit roles', () => {
    const template = buildMenuTemplate({ isPackaged: true, platform: 'win32', onAbout: () => {} });
    expect(roles([template[1]!])).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('packaged: zoom but no reload and no DevTools anywhere', () => {
    const all = roles(buildMenuTemplate({ isPackaged: true, platform: 'win32', onAbout: () => {} }));
    expect(all).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']));
    for (const forbidden of ['reload', 'forceReload', 'toggleDevTools']) expect(all).not.toContain(forbidden);
  });

  it('development: reload is available, DevTools still not in the menu', () => {
    const all = roles(buildMenuTemplate({ isPackaged: false, platform: 'linux', onAbout: () => {} }));
    expect(all).toContain('reload');
    expect(all).not.toContain('toggleDevTools');
    expect(all).not.toContain('forceReload');
  });

  it('帮助 → 关于 calls onAbout', () => {
    const onAbout = vi.fn();
    const template = buildMenuTemplate({ isPackaged: true, platform: 'win32', onAbout });
    const help = template.find((m) => m.label === '帮助')!;
    const about = (help.submenu as MenuItemConstructorOptions[])[0]!;
    expect(about.label).toBe('关于巡察工作台');
    (about.click as () => void)();
    expect(onAbout).toHaveBeenCalledTimes(1);
  });

  it('macOS gets an application menu first, with 退出', () => {
    const template = buildMenuTemplate({ isPackaged: true, platform: 'darwin', onAbout: () => {} });
    expect(template[0]?.label).toBe('巡察工作台');
    expect(roles([template[0]!])).toContain('quit');
    expect(template.slice(1).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });
});
