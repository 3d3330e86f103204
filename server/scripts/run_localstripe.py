"""localstripe (a fake of Stripe's API and of Stripe.js) bound to 127.0.0.1 only, without the
pickle file it normally writes to the temp folder. Usage: run_localstripe.py PORT

It also honours the `Idempotency-Key` header like Stripe does, which localstripe ignores: a POST
sent again with the same key gets the first answer (or the first error) instead of creating a
second object. Trame's exactly-once charging relies on this, and its tests check it."""
import asyncio, logging, sys
from aiohttp import web
import localstripe.resources as r
import localstripe.server as s

r.Store.try_load_from_disk = lambda self: None   # always start empty
r.Store.dump_to_disk = lambda self: None         # never write the pickle file

answers = {}   # (secret key, path, idempotency key) -> ('response', status, body) or ('error', exception)
locks = {}     # the same key sent twice at once: the second waits for the first


@web.middleware
async def idempotency_middleware(request, handler):
    key = request.headers.get('Idempotency-Key')
    if request.method != 'POST' or not key:
        return await handler(request)
    slot = (request.headers.get('Authorization', ''), request.path, key)
    async with locks.setdefault(slot, asyncio.Lock()):
        if slot not in answers:
            try:
                response = await handler(request)
                answers[slot] = ('response', response.status, response.body, response.content_type)
            except Exception as error:   # Stripe keeps errors (a declined card) for the key too
                answers[slot] = ('error', error)
        kept = answers[slot]
    if kept[0] == 'error':
        raise kept[1]
    _, status, body, content_type = kept
    return web.Response(status=status, body=body, content_type=content_type)


s.app.middlewares.append(idempotency_middleware)
port = int(sys.argv[1]) if len(sys.argv) > 1 else 8420
logging.basicConfig(level=logging.WARNING)
web.run_app(s.app, host='127.0.0.1', port=port, print=lambda *a: print(*a, flush=True))
