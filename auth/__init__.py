"""Accounts and roles: who may read, export, upload, edit and revert; enforced on the server for every request.

``install(app, sessions, ...)`` (in ``auth.setup``) wires login, the request guard and security headers into a
Dash app; callbacks and routes that write or export call ``auth.guard.require``.
"""
