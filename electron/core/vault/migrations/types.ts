import type { Db } from '../database';

/** A numbered schema step. `up` runs inside a transaction; it must not commit by itself. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
