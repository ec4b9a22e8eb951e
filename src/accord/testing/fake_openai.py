"""``python -m accord.testing.fake_openai``: run the fake server standalone."""

from accord.testing._fake_openai import main

__all__ = ["main"]

if __name__ == "__main__":
    main()
