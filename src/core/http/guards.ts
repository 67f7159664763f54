import type { FastifyReply, FastifyRequest } from 'fastify';

/** Sends a visitor who is not signed in to the login page, and back here afterwards. */
export async function requireSignIn(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!req.actor.userId) {
    const back = req.method === 'GET' ? req.url : `/${req.lang}/`;
    await reply.redirect(`/${req.lang}/login?next=${encodeURIComponent(back)}`, 303);
  }
}
