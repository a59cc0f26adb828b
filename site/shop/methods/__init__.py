"""The participatiewinkel's databank of participation methods and its advice on measure:
vocabulary, faceted filtering and the advice scoring (pure), the pages (pages.py) and what they
do with a request (views/), the advice requests (models.py) with their transition table
(workflow.py), services and the staff's inbox (staff/), and the demo content loader."""
