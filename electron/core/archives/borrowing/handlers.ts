import type { HandlersFor } from '../../router/handler-types';
import * as borrowing from './service';

export const borrowingHandlers: HandlersFor<'archives.borrowings' | 'archives.borrow' | 'archives.decideBorrowing' | 'archives.returnBorrowing'> = {
  'archives.borrowings': (ctx, input) => borrowing.listBorrowings(ctx, input),
  'archives.borrow': (ctx, input) => borrowing.requestBorrowing(ctx, input),
  'archives.decideBorrowing': (ctx, input) => borrowing.decideBorrowing(ctx, input),
  'archives.returnBorrowing': (ctx, input) => borrowing.returnBorrowing(ctx, input),
};
