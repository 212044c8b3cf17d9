export const value = ;
export function (
