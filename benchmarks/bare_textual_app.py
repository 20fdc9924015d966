"""The yardstick for start-up benchmarks: a bare Textual app (Header, a Static, Footer), headless at
120x40, that exits once its first screen is painted, as `CRMWB_EXIT_AFTER_FIRST_SCREEN` makes crmwb do."""

from textual.app import App
from textual.widgets import Footer, Header, Static


class Bare(App):
    def compose(self):
        yield Header()
        yield Static("hello")
        yield Footer()

    def on_ready(self) -> None:
        self.exit(0)


if __name__ == "__main__":
    Bare().run(headless=True, size=(120, 40))
