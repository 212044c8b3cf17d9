var total = 0;
export const same = total == 0;
