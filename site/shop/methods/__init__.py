"""The participatiewinkel's databank of participation methods and its advice on measure:
vocabulary, faceted filtering and the advice scoring (pure), the pages, the advice requests with
their services and admin inbox, and the demo content loader."""
