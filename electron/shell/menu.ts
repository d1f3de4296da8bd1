/**
 * A small Chinese application menu. Reload exists only in development builds; DevTools are not
 * in the menu at all (and are switched off in packaged builds by webPreferences.devTools).
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** Shows the 关于 dialog. */
  onAbout: () => void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: '关于巡察工作台', click: () => options.onAbout() };

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: '巡察工作台',
      submenu: [
        about,
        { type: 'separator' },
        { role: 'hide', label: '隐藏巡察工作台' },
        { role: 'hideOthers', label: '隐藏其他' },
        { role: 'unhide', label: '全部显示' },
        { type: 'separator' },
        { role: 'quit', label: '退出巡察工作台' },
      ],
    });
  }

  template.push({
    label: '文件',
    submenu: [isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }],
  });

  template.push({
    label: '编辑',
    submenu: [
      { role: 'undo', label: '撤销' },
      { role: 'redo', label: '重做' },
      { type: 'separator' },
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      { role: 'selectAll', label: '全选' },
    ],
  });

  const view: MenuItemConstructorOptions[] = [];
  if (!options.isPackaged) {
    view.push({ role: 'reload', label: '重新加载' }, { type: 'separator' });
  }
  view.push(
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  );
  template.push({ label: '视图', submenu: view });

  template.push({ label: '帮助', submenu: [about] });
  return template;
}

export function aboutDetail(version: string): string {
  return `版本 ${version}\n本程序完全离线运行，数据加密保存在本机，不会自动更新，也不连接任何网络服务。`;
}
