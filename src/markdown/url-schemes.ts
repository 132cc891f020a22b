/**
 * The schemes a body's images and links keep: the sanitiser's protocols.src and protocols.href (render.ts
 * BODY_SCHEMA) are these lists, in a module of their own without imports: the warnings about dropped addresses name them too
 * (pipeline/body-warnings.ts), and importing them from render.ts would load remark on the build's main thread,
 * which a build whose bodies all come from .cache/ otherwise never loads.
 */
export const IMAGE_PROTOCOLS: readonly string[] = ['http', 'https'];
/** GitHub's, and tel:, which GitHub leaves out: a hotline's number in an article is a link a reader's phone dials. */
export const LINK_PROTOCOLS: readonly string[] = ['http', 'https', 'mailto', 'tel', 'irc', 'ircs', 'xmpp'];
