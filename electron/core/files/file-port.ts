/**
 * The operating system's file dialogs, as the core sees them. The core never imports
 * Electron: the shell passes an implementation over Electron's dialog module; tests pass one
 * that answers with prepared paths. Large files (a 2 GB scan) go in and out through a path
 * and a stream, never through the renderer.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface FilePort {
  /** The path the user chose to read, or null when they cancelled. */
  chooseFileToOpen(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** The path the user chose to write, or null when they cancelled. */
  chooseFileToSave(options: { title: string; defaultName: string }): Promise<string | null>;
}
