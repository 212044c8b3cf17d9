var count = 1;
export const same = count == 1;
