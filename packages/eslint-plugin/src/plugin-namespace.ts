/** Prefix of this plugin's rules in a flat config (`@nx-quality/no-generic-catch`). */
export const PLUGIN_NAMESPACE = '@nx-quality';
