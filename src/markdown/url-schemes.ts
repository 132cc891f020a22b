/**
 * The schemes a body's images and links keep (render.ts BODY_SCHEMA: GitHub's protocols.src and protocols.href,
 * and tel), in a module of their own without imports: the warnings about dropped addresses name them too
 * (pipeline/body-warnings.ts), and importing them from render.ts would load remark on the build's main thread,
 * which a build whose bodies all come from .cache/ otherwise never loads.
 */
export const IMAGE_PROTOCOLS: readonly string[] = ['http', 'https'];
export const LINK_PROTOCOLS: readonly string[] = ['http', 'https', 'mailto', 'tel', 'irc', 'ircs', 'xmpp'];
