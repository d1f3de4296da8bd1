import { z } from 'zod';
import { channels, isChannelName, type ChannelName } from '../../../shared/contract';
import type { IpcResult } from '../../../shared/result';
import { roleMay } from '../../../shared/roles';
import { actorOf, type CoreContext } from '../context';
import { AppError, isAppError } from '../errors';
import type { HandlerTable } from './handlers';

// Validation messages in Chinese (zod's own zh-CN locale), shown as they are to the user.
z.config(z.locales.zhCN());

/** Channels that do not count as user activity for the idle lock. */
const PASSIVE_CHANNELS: ReadonlySet<ChannelName> = new Set(['app.status', 'session.lock', 'session.signOut']);

export interface Router {
  invoke(channel: unknown, input: unknown): Promise<IpcResult<unknown>>;
}

/**
 * The one entry point both Electron's ipcMain handler and the Chromium test bridge call.
 * Requests run one at a time (a desktop app has one user; this keeps sign-in, lock and writes
 * from interleaving). Every input is validated against the contract, every permissioned
 * channel is decided by the role table here in the core, and every outcome is a JSON result:
 * nothing is thrown across the boundary.
 */
export function createRouter(ctx: CoreContext, handlers: HandlerTable): Router {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    invoke(channel, input) {
      const run = queue.then(() => dispatch(ctx, handlers, channel, input));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

async function dispatch(ctx: CoreContext, handlers: HandlerTable, channel: unknown, input: unknown): Promise<IpcResult<unknown>> {
  try {
    if (typeof channel !== 'string' || !isChannelName(channel)) throw new AppError('UNKNOWN_CHANNEL');
    const definition = channels[channel];
    if (!PASSIVE_CHANNELS.has(channel) && ctx.current.kind === 'active') ctx.touch(ctx.active().settings.get());
    if (definition.permission) {
      const session = ctx.active();
      if (!roleMay(session.user.role, definition.permission)) {
        session.audit.append({
          action: 'permission.denied',
          actor: actorOf(session.user),
          outcome: 'denied',
          detail: { channel, permission: definition.permission, role: session.user.role },
        });
        throw new AppError('PERMISSION_DENIED');
      }
    }

    // Input is checked after the permission: a refused caller learns nothing about the shape.
    const parsed = definition.input.safeParse(input ?? {});
    if (!parsed.success) throw invalidInput(parsed.error);

    const handler = handlers[channel] as (ctx: CoreContext, input: unknown) => unknown;
    const value = await handler(ctx, parsed.data);
    const output = definition.output.safeParse(value);
    if (!output.success) {
      console.error(`[router] ${channel} produced output outside its contract`, output.error.issues);
      throw new AppError('INTERNAL');
    }
    return { ok: true, value: output.data };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.toShape() };
    // A delete that other records still point at: the transaction rolled back and nothing
    // changed, which is exactly what IN_USE tells the user (no service has to pre-check).
    if (isForeignKeyRefusal(error)) return { ok: false, error: new AppError('IN_USE').toShape() };
    console.error('[router] unexpected error', error);
    return { ok: false, error: new AppError('INTERNAL').toShape() };
  }
}

function isForeignKeyRefusal(error: unknown): boolean {
  return error instanceof Error && (error as Error & { code?: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

function invalidInput(error: z.ZodError): AppError {
  const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = issues[0];
  const message = first ? `输入的内容不符合要求：${first.message}` : undefined;
  return new AppError('INVALID_INPUT', message, { issues });
}
