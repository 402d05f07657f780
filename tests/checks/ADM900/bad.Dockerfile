FROM python:3.12-slim
# EXPECT: ADM900 @+1:10 "unterminated double quote"
RUN echo "oops
