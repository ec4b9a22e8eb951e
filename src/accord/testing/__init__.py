"""Testing utilities: a loopback OpenAI-compatible server with fault injection."""

from accord.testing._fake_openai import FakeServer, Faults, fake_answer

__all__ = ["FakeServer", "Faults", "fake_answer"]
