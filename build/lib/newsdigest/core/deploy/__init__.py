"""Deploying the built site: S3-compatible buckets, git branches, rsync targets.

Safe by design: uploads before deletes, deletes refused on an empty build or past a
limit, diffs instead of full uploads, a dry run that changes nothing.
"""

from newsdigest.core.deploy.plan import LocalFile, local_files
from newsdigest.core.deploy.targets import DeployError, parse_target

__all__ = ["DeployError", "LocalFile", "local_files", "parse_target"]
