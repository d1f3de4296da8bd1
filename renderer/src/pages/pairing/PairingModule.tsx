/** 包联督导 (四包联): leaders paired with county offices, supervision items, visits, self-checks, 通报. (Being built.) */
export function PairingModule() {
  return null;
}
