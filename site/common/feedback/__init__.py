"""The kernel of the feedback loop: what every module shares about answering a resident's
input (its promised date and lateness, see `deadlines`). It imports no module; modules import it."""
