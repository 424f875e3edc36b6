"""An edition as an email: what it says (``letter``) and how it is sent (``message``).

Pure code, no Pelican: the editions plugin renders the letter at build time and the
``newsdigest mail`` command composes and sends the message from the written files.
"""
