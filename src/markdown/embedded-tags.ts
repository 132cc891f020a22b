/**
 * Elements that show something of their own (a player, a map, a form) and have no Markdown form: link them
 * instead. In a module of their own, with no imports, because the load stage's warnings (pipeline/body-warnings.ts)
 * name them on the main thread, where importing markdown/render.ts would load remark for nothing: about 90 ms
 * of a rebuild whose bodies all come from .cache/.
 */
export const EMBEDDED_TAGS: ReadonlySet<string> = new Set(['iframe', 'script', 'embed', 'object', 'video', 'audio', 'picture', 'svg', 'canvas', 'form', 'input', 'button', 'select', 'textarea', 'style']);
