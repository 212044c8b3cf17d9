import type { ErrorSpec } from './error-spec-schema';
import { defaultCode, defaultMessage, kebabCase, withErrorSuffix } from './error-naming';

/** A leaf error class, fully resolved (code, message and HTTP status decided). */
export interface LeafModel {
  className: string;
  code: string;
  message: string;
  httpStatus?: number;
  /** Status the leaf sets itself because it differs from its category's. */
  ownHttpStatus?: number;
  description: string;
}

/** A category class and its leaves; one generated file each. */
export interface CategoryModel {
  className: string;
  /** File name without extension, e.g. `authentication-error`. */
  fileName: string;
  code: string;
  httpStatus?: number;
  /** Status the category sets itself because it differs from the base's. */
  ownHttpStatus?: number;
  description: string;
  leaves: LeafModel[];
}

/** Everything the renderers need, derived once from the validated spec. */
export interface HierarchyModel {
  base: { className: string; fileName: string; code: string; httpStatus?: number; description: string };
  categories: CategoryModel[];
}

/** Resolves names, codes, messages and inherited HTTP statuses of a validated spec. */
export function toHierarchyModel(spec: ErrorSpec): HierarchyModel {
  const base = typeof spec.base === 'string' ? { name: spec.base } : spec.base;
  const baseName = withErrorSuffix(base.name);
  return {
    base: {
      className: baseName,
      fileName: kebabCase(baseName),
      code: defaultCode(baseName),
      httpStatus: base.httpStatus,
      description: base.description ?? 'Base class of every error this project throws on purpose.',
    },
    categories: spec.categories.map((category) => {
      const className = withErrorSuffix(category.name);
      const httpStatus = category.httpStatus ?? base.httpStatus;
      return {
        className,
        fileName: kebabCase(className),
        code: defaultCode(className),
        httpStatus,
        ownHttpStatus: category.httpStatus !== undefined && category.httpStatus !== base.httpStatus ? category.httpStatus : undefined,
        description: category.description ?? `${defaultMessage(className).slice(0, -1)} errors.`,
        leaves: category.errors.map((leaf) => {
          const leafName = withErrorSuffix(leaf.name);
          return {
            className: leafName,
            code: leaf.code ?? defaultCode(leafName),
            message: leaf.message ?? defaultMessage(leafName),
            httpStatus: leaf.httpStatus ?? httpStatus,
            ownHttpStatus: leaf.httpStatus !== undefined && leaf.httpStatus !== httpStatus ? leaf.httpStatus : undefined,
            description: leaf.description ?? leaf.message ?? defaultMessage(leafName),
          };
        }),
      };
    }),
  };
}
