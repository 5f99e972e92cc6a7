"""Settings gathered once at the edge: flags, then environment, then defaults.

The CLI builds a :class:`Settings` from its flags and ``os.environ`` with
:meth:`Settings.resolve`; code below the CLI receives it (or the values it
needs) as arguments and never reads the environment itself. Each default is
stated once, here, with its help text.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from oversight.errors import BadParameter

__all__ = ["Settings", "ENVIRONMENT"]

#: Which environment variable feeds which setting.
ENVIRONMENT = {
    "store": "OVERSIGHT_STORE",
    "neo4j_uri": "NEO4J_URI",
    "neo4j_username": "NEO4J_USERNAME",
    "neo4j_password": "NEO4J_PASSWORD",
    "neo4j_database": "NEO4J_DATABASE",
    "lock_wait": "OVERSIGHT_LOCK_WAIT",
    "neo4j_timeout": "OVERSIGHT_NEO4J_TIMEOUT",
    "neo4j_connect_timeout": "OVERSIGHT_NEO4J_CONNECT_TIMEOUT",
}


class Settings(BaseModel):
    """Where the store is and how to reach Neo4j. The password never prints."""

    model_config = ConfigDict(frozen=True)

    store: Path = Field(default=Path(".oversight"), description="Store directory of the embedded graph.")
    neo4j_uri: str = Field(default="bolt://localhost:7687", description="Bolt URI of the Neo4j server.")
    neo4j_username: str = Field(default="neo4j", description="Neo4j user name.")
    neo4j_password: SecretStr | None = Field(default=None, description="Neo4j password.")
    neo4j_database: str = Field(default="neo4j", description="Neo4j database to use (always passed explicitly).")
    lock_wait: float = Field(default=10.0, ge=0, description="Seconds to wait for another process to release the store.")
    neo4j_timeout: float = Field(default=120.0, gt=0, description="Seconds one Neo4j transaction may take (a frozen server is given up on).")
    neo4j_connect_timeout: float = Field(default=10.0, gt=0, description="Seconds to wait for a Neo4j server to answer a connection.")

    @classmethod
    def resolve(cls, flags: Mapping[str, Any], environ: Mapping[str, str]) -> Settings:
        """Flags win over environment variables, which win over defaults.

        >>> Settings.resolve({"store": None}, {"OVERSIGHT_STORE": "/tmp/s"}).store
        PosixPath('/tmp/s')
        >>> Settings.resolve({"store": "x"}, {"OVERSIGHT_STORE": "/tmp/s"}).store
        PosixPath('x')
        """
        values: dict[str, Any] = {}
        for name, variable in ENVIRONMENT.items():
            flag = flags.get(name)
            if flag is not None:
                values[name] = flag
            elif environ.get(variable):
                values[name] = environ[variable]
        try:
            return cls(**values)
        except ValidationError as exc:
            problem = exc.errors()[0]
            name = str(problem["loc"][0]) if problem["loc"] else "?"
            given = "--" + name.replace("_", "-") if flags.get(name) is not None else ENVIRONMENT.get(name, name)
            raise BadParameter(f"{given}={values.get(name)!s:.40}: {problem['msg'].lower()}") from None
