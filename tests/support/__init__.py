"""Helpers shared by the test modules: building sites, deploy targets, local servers."""
