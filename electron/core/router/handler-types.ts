import type { z } from 'zod';
import type { ChannelName, ChannelOutput, Channels } from '../../../shared/contract';
import type { CoreContext } from '../context';

export type Handler<C extends ChannelName> = (
  ctx: CoreContext,
  input: z.output<Channels[C]['input']>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** The handlers a domain folder provides for its own channels. */
export type HandlersFor<C extends ChannelName> = { [K in C]: Handler<K> };

export type HandlerTable = HandlersFor<ChannelName>;
