"""The kernel of the feedback loop that every module shares: references, secrets, status
events, private photos, coarse locations, deadlines. It imports no module; modules import it."""
