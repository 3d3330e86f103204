"""localstripe (a fake of Stripe's API and of Stripe.js) bound to 127.0.0.1 only, without the
pickle file it normally writes to the temp folder. Usage: run_localstripe.py PORT"""
import logging, sys
from aiohttp import web
import localstripe.resources as r
import localstripe.server as s

r.Store.try_load_from_disk = lambda self: None   # always start empty
r.Store.dump_to_disk = lambda self: None         # never write the pickle file

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8420
logging.basicConfig(level=logging.WARNING)
web.run_app(s.app, host='127.0.0.1', port=port, print=lambda *a: print(*a, flush=True))
