/**
 * Electron main-process entry (built to out/main/main.js). The only wiring of real Electron
 * modules to the shell; all behaviour lives in start.ts and its helpers.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { createXunchaCore } from '../core/index';
import { startShell } from './start';

startShell({
  electron: { app, BrowserWindow, Menu, dialog, ipcMain, protocol, session },
  createCore: createXunchaCore,
});
