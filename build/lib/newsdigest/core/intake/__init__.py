"""Story intake: a web page, a saved page or pasted text becomes a raw story file."""
