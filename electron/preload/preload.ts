/**
 * Preload for the sandboxed renderer (built to out/preload/preload.cjs, CommonJS). Exposes
 * exactly one thing, `window.api.invoke`, which forwards to the single IPC channel. No
 * ipcRenderer, no event emitters, no Node objects reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_INVOKE_CHANNEL, type IpcResult, type XunchaApi } from '../../shared/result';

const api: XunchaApi = {
  invoke: (channel: string, input: unknown): Promise<IpcResult<unknown>> =>
    ipcRenderer.invoke(IPC_INVOKE_CHANNEL, channel, input) as Promise<IpcResult<unknown>>,
};

contextBridge.exposeInMainWorld('api', api);
