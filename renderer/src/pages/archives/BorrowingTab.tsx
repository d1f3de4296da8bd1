/** 借阅登记: requests to borrow or view archive items, their approval and return. (Being built.) */
export function BorrowingTab() {
  return null;
}
