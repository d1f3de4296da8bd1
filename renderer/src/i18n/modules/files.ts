/**
 * Messages of the PDF reader (components/PdfViewer) and of clue files on disk: 从磁盘添加 and
 * 另存副本 in the clue drawer. Chinese first, English complete (a missing English key is a type
 * error); messages.ts joins them into the one table.
 */
const zh = {
  // ---- PDF reader ----------------------------------------------------------------------------
  'files.pdf.opening': '正在打开 PDF…',
  'files.pdf.renderingPage': '正在绘制第 {page} 页',
  'files.pdf.pageFailed': '第 {page} 页无法绘制',
  'files.pdf.cannotShow': '无法在程序内显示此 PDF',
  'files.pdf.invalid': 'PDF 阅读器无法解析此文件：它不是有效的 PDF，或内容不完整、已损坏。',
  'files.pdf.password': '此 PDF 设有打开密码，程序内暂不能显示。',
  'files.pdf.engine': 'PDF 阅读器未能启动。请关闭后重新打开；如仍不行，请重新安装本程序。',
  'files.pdf.toolbar': 'PDF 阅读工具栏',
  'files.pdf.previous': '上一页（PageUp）',
  'files.pdf.next': '下一页（PageDown）',
  'files.pdf.pageNumber': '页码',
  'files.pdf.zoomIn': '放大（+）',
  'files.pdf.zoomOut': '缩小（-）',
  'files.pdf.fitWidth': '适合宽度',
  'files.pdf.document': 'PDF 文档（PageUp、PageDown 翻页，+、- 缩放）',
  'files.pdf.documentNamed': 'PDF 文档：{name}（PageUp、PageDown 翻页，+、- 缩放）',
  'files.pdf.pageLabel': '第 {page} 页，共 {pages} 页',

  // ---- clue files on disk --------------------------------------------------------------------
  'files.clue.fromDisk': '从磁盘添加（大文件）',
  'files.clue.fromDiskHint': '在系统对话框中选择文件，不限大小，边读取边加密保存。',
  'files.clue.attached': '“{name}”已加密保存',
  'files.clue.saveCopy': '另存副本…',
  'files.clue.saveCopyNamed': '另存 {name} 的副本',
  'files.clue.saveConfirm.title': '另存未加密副本',
  'files.clue.saveConfirm.body':
    '副本将以未加密的形式保存到您选择的位置，离开加密存储后不再受本程序保护。此操作将记入审计日志（线索编号和保存的文件夹）。请妥善保管副本，用毕及时删除。',
  'files.clue.saveConfirm.submit': '选择保存位置…',
  'files.clue.saved': '“{name}”的副本已保存',
  'files.clue.saveFailed': '未能另存副本',
  'files.clue.attachFailed': '未能添加材料',
  'files.clue.saveCancelled': '未选择保存位置，没有保存副本',
  'files.clue.busy.title': '请稍候',
  'files.clue.busy.attach': '正在读取所选文件并加密保存…',
  'files.clue.busy.upload': '正在加密保存“{name}”…',
  'files.clue.busy.save': '正在另存“{name}”的副本…',
  'files.clue.busy.wait': '请稍候，完成前请勿关闭程序。',
  'files.clue.dialogHint': '在浏览器中运行时，安装 zenity 或 kdialog 后重新启动即可选择本机文件；10 MB 以内的文件也可用“上传材料”添加。',
} as const;

const en: Record<keyof typeof zh, string> = {
  'files.pdf.opening': 'Opening the PDF…',
  'files.pdf.renderingPage': 'Drawing page {page}',
  'files.pdf.pageFailed': 'Page {page} could not be drawn',
  'files.pdf.cannotShow': 'This PDF cannot be shown inside the app',
  'files.pdf.invalid': 'The PDF reader cannot read this file: it is not a valid PDF, or it is incomplete or damaged.',
  'files.pdf.password': 'This PDF is protected by an opening password and cannot be shown inside the app yet.',
  'files.pdf.engine': 'The PDF reader did not start. Close and open it again; if that does not help, reinstall the app.',
  'files.pdf.toolbar': 'PDF reader toolbar',
  'files.pdf.previous': 'Previous page (PageUp)',
  'files.pdf.next': 'Next page (PageDown)',
  'files.pdf.pageNumber': 'Page number',
  'files.pdf.zoomIn': 'Zoom in (+)',
  'files.pdf.zoomOut': 'Zoom out (-)',
  'files.pdf.fitWidth': 'Fit width',
  'files.pdf.document': 'PDF document (PageUp and PageDown turn pages, + and - zoom)',
  'files.pdf.documentNamed': 'PDF document: {name} (PageUp and PageDown turn pages, + and - zoom)',
  'files.pdf.pageLabel': 'Page {page} of {pages}',

  'files.clue.fromDisk': 'Add from disk (large files)',
  'files.clue.fromDiskHint': 'Choose a file of any size in the system dialog; it is encrypted as it is read.',
  'files.clue.attached': '“{name}” stored encrypted',
  'files.clue.saveCopy': 'Save a copy…',
  'files.clue.saveCopyNamed': 'Save a copy of {name}',
  'files.clue.saveConfirm.title': 'Save an unencrypted copy',
  'files.clue.saveConfirm.body':
    'The copy is saved unencrypted where you choose; outside the encrypted store this app no longer protects it. The audit log records this (the clue number and the folder). Keep the copy safe and delete it when done.',
  'files.clue.saveConfirm.submit': 'Choose where to save…',
  'files.clue.saved': 'A copy of “{name}” was saved',
  'files.clue.saveFailed': 'The copy was not saved',
  'files.clue.attachFailed': 'The material was not added',
  'files.clue.saveCancelled': 'No location chosen; no copy was saved',
  'files.clue.busy.title': 'Please wait',
  'files.clue.busy.attach': 'Reading the chosen file and storing it encrypted…',
  'files.clue.busy.upload': 'Storing “{name}” encrypted…',
  'files.clue.busy.save': 'Saving a copy of “{name}”…',
  'files.clue.busy.wait': 'Please wait, and do not close the app until this is done.',
  'files.clue.dialogHint':
    'In the browser, install zenity or kdialog and start again to choose files on this computer; files up to 10 MB can also be added with “Upload material”.',
};

export const filesMessages = { zh, en };
